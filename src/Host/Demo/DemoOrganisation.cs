using Dapper;
using Npgsql;

namespace ServiceWindow.Host.Demo;

/// A small civil-affairs office: three departments, four windows and one person for each role.
/// Rows that exist are left as they are, so loading twice changes nothing.
public static class DemoOrganisation
{
    /// Loads the organisation and returns how many staff it has.
    public static async Task<int> LoadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await connection.ExecuteAsync(
            """
            insert into departments (id, name_zh, name_en) values
                ('civil-affairs', '民政局婚姻登记处', 'Civil Affairs Marriage Registry'),
                ('social-assistance', '民政局社会救助科', 'Civil Affairs Social Assistance Section'),
                ('service-hall', '政务服务中心', 'Government Service Centre')
            on conflict (id) do nothing
            """, transaction: transaction);
        await connection.ExecuteAsync(
            """
            insert into windows (id, department_id, name_zh, name_en) values
                ('marriage-1', 'civil-affairs', '婚姻登记1号窗口', 'Marriage window 1'),
                ('marriage-2', 'civil-affairs', '婚姻登记2号窗口', 'Marriage window 2'),
                ('assistance-1', 'social-assistance', '社会救助窗口', 'Social assistance window'),
                ('hall-1', 'service-hall', '综合受理窗口', 'General intake window')
            on conflict (id) do nothing
            """, transaction: transaction);
        var staff = new[]
        {
            new DemoStaff("wang.fang", "王芳", "civil-affairs", "marriage-1", ["clerk", "handler"]),
            new DemoStaff("li.na", "李娜", "civil-affairs", "marriage-2", ["clerk", "handler"]),
            new DemoStaff("zhang.wei", "张伟", "social-assistance", "assistance-1", ["clerk", "handler"]),
            new DemoStaff("liu.yang", "刘洋", "service-hall", "hall-1", ["clerk"]),
            new DemoStaff("chen.jing", "陈静", "civil-affairs", null, ["section_chief"]),
            new DemoStaff("zhao.lei", "赵磊", "social-assistance", null, ["section_chief"]),
            new DemoStaff("sun.min", "孙敏", "civil-affairs", null, ["leader"]),
            new DemoStaff("zhou.qiang", "周强", "service-hall", null, ["efficiency_office"]),
            new DemoStaff("admin", "系统管理员", "service-hall", null, ["admin"]),
        };
        foreach (var person in staff)
        {
            await connection.ExecuteAsync(
                """
                insert into staff (id, display_name, department_id, window_id)
                values (@Id, @Name, @DepartmentId, @WindowId)
                on conflict (id) do nothing
                """, person, transaction);
            await connection.ExecuteAsync(
                """
                insert into staff_roles (staff_id, role)
                select @Id, unnest(@Roles)
                on conflict do nothing
                """, new { person.Id, Roles = person.Roles.ToArray() }, transaction);
        }
        await transaction.CommitAsync(cancellationToken);
        return staff.Length;
    }

    private sealed record DemoStaff(string Id, string Name, string DepartmentId, string? WindowId, IReadOnlyList<string> Roles);
}
