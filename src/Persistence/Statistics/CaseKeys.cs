namespace ServiceWindow.Persistence.Statistics;

/// The item and department a case counts under, from the catalogue tables as they stand: the case's
/// own item code when the catalogue lists it, else the first listed item (by code) that runs the
/// case's definition, else the code as it is; the department owning that item, else the department
/// of the window that took the case in. The projector's read and the facts written with a new case
/// both join this, so the rule has one home and no copy of the catalogue to go stale.
internal static class CaseKeys
{
    /// A lateral join giving `keys.item_code` and `keys.department_id` for the SQL expressions of a
    /// case's item code, definition id and intake window.
    public static string Join(string itemCode, string definitionId, string windowId) => $"""
        cross join lateral (
            select coalesce(listed.code, running.code, {itemCode}) as item_code,
                   coalesce(listed.department_id, running.department_id, intake.department_id) as department_id
            from (values (1)) as one (x)
            left join service_items listed on listed.code = {itemCode}
            left join lateral (
                select code, department_id from service_items where definition_id = {definitionId} order by code limit 1
            ) running on listed.code is null
            left join windows intake on intake.id = {windowId}
        ) keys
        """;
}
