using Dapper;
using Npgsql;
using ServiceWindow.Persistence.Cases;
using Microsoft.Extensions.Time.Testing;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Persistence.Tests.Statistics;

/// October 2026 at a small office, run through CaseCommands on a moving clock. The National Day
/// holiday is 10-01..10-07 and Saturday 10-10 is worked in exchange. Department `civil`; window
/// `w1` (clerk-1) and `w2` (clerk-2); item SP-01 runs the permit, SC-01 the immediate counter.
///
/// - A (w1, immediate): received 10-08 09:30, issued 09:50: on time, not early.
/// - B (w1): accepted 10-08 10:00, promised 10-14 (10-09, 10-10, 10-12, 10-13, 10-14), approved
///   10-13 10:00: a working day early, 4 working days used of 10 statutory.
/// - C (w2): accepted 09-28 10:00, promised 10-10 (09-29, 09-30, 10-08, 10-09, 10-10), extended by
///   2wd on 10-09 to 10-13, approved 10-21 10:00: late and past the statutory deadline, 13 working
///   days used (09-29, 09-30, 10-08..10-10, 10-12..10-16, 10-19..10-21).
/// - D (w2): accepted 10-22 10:00, promised 10-29 (10-23, 10-26..10-29), still open at month end.
/// - E (w2): accepted 10-29 10:00, materials requested 11:00, waiting at month end.
/// Plus three ratings (5 and 3 for w1, 2 for w2) and one voided, a finding on C opened 10-21, and as
/// cases of the shipped definitions: a complaint about C at w2 lodged 10-22 09:00 and verified against
/// clerk-2 10-26 (itself accepted at w2, promised in 10 working days: open, not overdue, at month end)
/// and an inquiry logged at w2 10-12 and referred to w1 at 10:00, acknowledged by clerk-1 at 11:00
/// (limit 2 working hours); an inquiry is never accepted.
public sealed class OctoberOffice(NpgsqlDataSource dataSource)
{
    public static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 9, 28, 9, 0, 0, Shanghai));

    public CaseStore Store { get; } = new(dataSource);

    public CaseCommands Commands => new(Store, StatisticsCatalog.Instance, new WorkflowEngine(), Clock);

    public Guid A { get; } = Guid.NewGuid();
    public Guid B { get; } = Guid.NewGuid();
    public Guid C { get; } = Guid.NewGuid();
    public Guid D { get; } = Guid.NewGuid();
    public Guid E { get; } = Guid.NewGuid();
    public Guid Complaint { get; } = Guid.NewGuid();
    public Guid Inquiry { get; } = Guid.NewGuid();

    private static readonly Actor Clerk1 = Actor.Staff("clerk-1", "clerk");
    private static readonly Actor Clerk2 = Actor.Staff("clerk-2", "clerk");
    private static readonly Actor Leader = Actor.Staff("leader-1", "leader");
    private static readonly Actor Office = Actor.Staff("leader-1", "efficiency_office");

    public static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Shanghai);

    public async Task SetUpOrganisationAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            insert into departments (id, name_zh, name_en) values ('civil', '民政科', 'Civil affairs');
            insert into windows (id, department_id, name_zh, name_en) values
                ('w1', 'civil', '一号窗口', 'Window 1'), ('w2', 'civil', '二号窗口', 'Window 2');
            insert into staff (id, display_name, department_id, window_id) values
                ('clerk-1', '王芳', 'civil', 'w1'), ('clerk-2', '李强', 'civil', 'w2'), ('leader-1', '陈明', 'civil', null);
            insert into service_items (code, name_zh, name_en, department_id, kind, statutory_limit, promised_limit, definition_id) values
                ('SP-01', '统计测试许可', 'Statistics test permit', 'civil', 'promised', '10wd', '5wd', 'statistics-permit'),
                ('SC-01', '统计测试即办', 'Statistics test counter', 'civil', 'immediate', '0wd', '0wd', 'statistics-counter');
            """);
    }

    /// Everything up to the given instant, in time order.
    public async Task RunOctoberAsync()
    {
        await At(9, 28, 10, () => Commands.OpenAsync(StatisticsCatalog.Permit, C, Command("accept", Clerk2, 0, ("window", "w2"))));
        await At(10, 8, 9, 30, () => Commands.OpenAsync(StatisticsCatalog.Counter, A, Command("receive", Clerk1, 0, ("window", "w1"))));
        await At(10, 8, 9, 50, () => Do(A, "issue", Clerk1));
        await At(10, 8, 10, () => Commands.OpenAsync(StatisticsCatalog.Permit, B, Command("accept", Clerk1, 0, ("window", "w1"))));
        await At(10, 9, 10, () => Do(C, "request_extension", Clerk2, ("extension", "2wd"), ("reason", "site visit")));
        await At(10, 9, 11, () => Do(C, "approve_extension", Leader));
        await At(10, 12, 9, 50, () => Commands.OpenAsync(StatisticsCatalog.Inquiry, Inquiry, Command("log", Clerk2, 0,
            ("channel", "counter"), ("matter", "certificate question"), ("window", "w2"))));
        await At(10, 12, 10, () => Do(Inquiry, "refer", Clerk2, ("target_window", "w1"), ("contact", "12345")));
        await At(10, 12, 11, () => Do(Inquiry, "acknowledge", Clerk1));
        await At(10, 13, 10, () => Do(B, "approve", Clerk1));
        await At(10, 21, 10, () => Do(C, "approve", Clerk2));
        await At(10, 22, 9, () => Commands.OpenAsync(StatisticsCatalog.Complaint, Complaint, Command("lodge", Office, 0,
            ("complainant", "张伟"), ("about", "permit late"), ("window", "w2"), ("subject_case", C.ToString()))));
        await At(10, 22, 9, 30, () => Do(Complaint, "assign", Office, ("handler", "leader-1")));
        await At(10, 22, 10, () => Commands.OpenAsync(StatisticsCatalog.Permit, D, Command("accept", Clerk2, 0, ("window", "w2"))));
        await At(10, 26, 15, () => Do(Complaint, "verify", Office, ("against", "clerk-2"), ("summary", "late without notice")));
        await At(10, 29, 10, () => Commands.OpenAsync(StatisticsCatalog.Permit, E, Command("accept", Clerk2, 0, ("window", "w2"))));
        await At(10, 29, 11, () => Do(E, "request_supplement", Clerk2, ("materials", "form")));

        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            insert into ratings (id, case_id, window_id, staff_id, score, rated_at, voided_at, void_reason) values
                (gen_random_uuid(), @A, 'w1', 'clerk-1', 5, '2026-10-08 09:55+08', null, null),
                (gen_random_uuid(), @B, 'w1', 'clerk-1', 3, '2026-10-13 10:30+08', null, null),
                (gen_random_uuid(), @C, 'w2', 'clerk-2', 2, '2026-10-21 10:30+08', null, null),
                (gen_random_uuid(), @C, 'w2', 'clerk-2', 1, '2026-10-21 10:40+08', '2026-10-23 09:00+08', 'rated by mistake');
            insert into findings (id, kind, case_id, responsible_staff_id, reason, opened_at) values
                (gen_random_uuid(), 'slow_action', @C, 'clerk-2', 'overdue', '2026-10-21 10:00+08');
            """, new { A, B, C });
    }

    public async Task<CommandOutcome> Do(Guid id, string action, Actor actor, params (string Name, string Value)[] inputs)
    {
        var stored = await Store.LoadAsync(id);
        return await Commands.ExecuteAsync(id, Command(action, actor, stored.Version, inputs));
    }

    private Task At(int month, int day, int hour, Func<Task> act) => At(month, day, hour, 0, act);

    private async Task At(int month, int day, int hour, int minute, Func<Task> act)
    {
        Clock.SetUtcNow(At(month, day, hour, minute));
        await act();
    }

    private static CaseCommand Command(string action, Actor actor, long version, params (string Name, string Value)[] inputs) =>
        new(action, actor, version, inputs.ToDictionary(i => i.Name, i => i.Value));
}
