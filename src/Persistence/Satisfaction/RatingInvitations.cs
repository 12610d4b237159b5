using Dapper;
using Npgsql;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Clock;

namespace ServiceWindow.Persistence.Satisfaction;

/// The rating invitation (好差评邀请) and its one reminder. A case completed with a receipt is invited
/// once; if no rating has come when the reminder falls due (3 working days after completion by
/// default, on the office calendar), one reminder goes, and none once the applicant has rated. Both
/// messages are outbox rows written in the transaction that records them, so several hosts sweeping
/// at once send each exactly once: invitations are keyed by the case (the second insert finds the
/// first and writes nothing), reminders are claimed with `for update skip locked` and settled once.
/// A sweep rather than an engine timer: whether the applicant rated is not in the case's history, and
/// a completed case's history stays as it was at completion.
public sealed class RatingInvitations(NpgsqlDataSource dataSource, IWorkflowCatalog catalog, TimeProvider clock, SatisfactionOptions? options = null)
{
    public const string InvitationTemplate = "rating.invitation";
    public const string ReminderTemplate = "rating.reminder";

    private readonly SatisfactionOptions options = options ?? new SatisfactionOptions();

    /// Invites the cases completed since the last look and sends the reminders that fell due.
    public async Task<(int Invited, int Reminded)> RunAsync(CancellationToken cancellationToken = default)
    {
        var invited = await InviteAsync(cancellationToken);
        var reminded = await RemindAsync(cancellationToken);
        return (invited, reminded);
    }

    private async Task<int> InviteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var completed = (await connection.QueryAsync<(Guid Id, DateTime CompletedAt, bool Rated)>(new CommandDefinition(
            """
            select c.id, c.completed_at, exists (select 1 from ratings r where r.case_id = c.id)
            from cases c
            where c.completed_at >= @since and c.completed_at <= @now
              and c.receipt_number is not null
              and c.definition_id <> all (@exempt)
              and not exists (select 1 from rating_invitations i where i.case_id = c.id)
            order by c.completed_at
            limit @limit
            """,
            new { since = (now - options.LookBack).UtcDateTime, now = now.UtcDateTime, exempt = options.ExemptDefinitions.ToArray(), limit = options.BatchSize },
            cancellationToken: cancellationToken))).ToList();
        if (completed.Count == 0)
        {
            return 0;
        }
        var remindAt = completed.Select(c => DeadlineCalculator.Due(catalog.Calendar, Utc(c.CompletedAt), options.Reminder).Due.UtcDateTime).ToArray();
        // An applicant who rated before the sweep came round needs neither message: the row is settled at once.
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            with invited as (
                insert into rating_invitations (case_id, invited_at, remind_at, settled_at, reminded)
                select i.case_id, @now, i.remind_at, case when i.rated then @now end, case when i.rated then false end
                from unnest(@ids, @remindAt, @rated) as i (case_id, remind_at, rated)
                on conflict (case_id) do nothing
                returning case_id, settled_at
            )
            insert into outbox (case_id, recipient, template, data, created_at, due_at)
            select c.id, 'applicant', @template,
                   jsonb_build_object('definition', c.definition_id, 'receipt_number', c.receipt_number), @now, @now
            from invited
            join cases c on c.id = invited.case_id
            where invited.settled_at is null
            order by c.completed_at, c.id
            """,
            new
            {
                now = now.UtcDateTime, ids = completed.Select(c => c.Id).ToArray(), remindAt, rated = completed.Select(c => c.Rated).ToArray(),
                template = InvitationTemplate,
            },
            cancellationToken: cancellationToken));
    }

    private async Task<int> RemindAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            with due as (
                select case_id
                from rating_invitations
                where settled_at is null and remind_at <= @now
                order by remind_at
                limit @limit
                for update skip locked
            ), settled as (
                update rating_invitations i
                set settled_at = @now, reminded = not exists (select 1 from ratings r where r.case_id = i.case_id)
                from due
                where i.case_id = due.case_id
                returning i.case_id, i.reminded
            )
            insert into outbox (case_id, recipient, template, data, created_at, due_at)
            select c.id, 'applicant', @template,
                   jsonb_build_object('definition', c.definition_id, 'receipt_number', c.receipt_number), @now, @now
            from settled
            join cases c on c.id = settled.case_id
            where settled.reminded
            order by c.id
            """,
            new { now, limit = options.BatchSize, template = ReminderTemplate }, cancellationToken: cancellationToken));
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero);
}
