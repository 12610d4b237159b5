using System.Diagnostics;
using Dapper;
using Npgsql;
using ServiceWindow.Host.Catalogue;
using ServiceWindow.Persistence.Calendars;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Catalogue;
using ServiceWindow.Persistence.Months;
using ServiceWindow.Persistence.Queries;
using ServiceWindow.Persistence.Satisfaction;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Persistence.Timers;
using ServiceWindow.Workflows.Engine;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Host.Demo;

/// Plays the <see cref="DemoPlan"/> into the database through the command path, with the
/// <see cref="DemoClock"/> moved to each step and the timer sweep run as time passes, so cooling-off
/// ends, notices expire, referrals go unacknowledged and late cases escalate exactly as they would
/// live. Then closes the past months, ranks them and awards the quarters they complete. A database that already holds the plan's cases is left alone.
public sealed class DemoOffice(NpgsqlDataSource dataSource, FileWorkflowCatalog catalog)
{
    // How often, in office time, the sweep looks for due timers: the live job runs every minute,
    // but a timer found half an hour late changes nothing a report shows.
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(30);
    private const int MaxRetries = 3;

    public async Task<DemoOfficeSummary> LoadAsync(int months, int seed, DateTimeOffset until, DemoProgress? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(months);
        var started = Stopwatch.GetTimestamp();
        await DemoOrganisation.LoadAsync(dataSource, cancellationToken);
        await PublishCatalogueAsync(cancellationToken);

        var calendar = catalog.Calendar;
        var today = calendar.LocalDate(until);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-months);
        var stories = new DemoPlan(calendar, seed).Stories(first, today);
        var ids = stories.SelectMany(s => s.Steps).Select(s => s.CaseId).Distinct().ToArray();
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                    "select exists (select 1 from cases where id = any(@ids))", new { ids }, cancellationToken: cancellationToken)))
            {
                return new DemoOfficeSummary(true, new Dictionary<string, int>(), [], 0, Stopwatch.GetElapsedTime(started));
            }
        }

        var clock = new DemoClock(calendar.OfficeOpen(first));
        var engine = new WorkflowEngine();
        var store = new CaseStore(dataSource);
        var commands = new CaseCommands(store, catalog, engine, clock);
        var sweeper = new TimerSweeper(dataSource, new EngineTimerFiring(catalog, engine), clock);
        var ratings = new CaseRatings(dataSource);
        var rectifications = new BadReviewRectifications(dataSource, commands, clock);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var refused = 0;

        // Ordered by due time, then by the order the plan made them: the same seed plays the same way.
        var queue = new PriorityQueue<DemoStory, (DateTimeOffset, int)>();
        for (var i = 0; i < stories.Count; i++)
        {
            queue.Enqueue(stories[i], (stories[i].Due, i));
        }
        var total = stories.Sum(s => s.Steps.Count);
        var done = 0;
        var lastSweep = clock.GetUtcNow();
        var order = stories.Count;
        while (queue.TryDequeue(out var story, out _))
        {
            if (story.Due > until)
            {
                continue;
            }
            clock.MoveTo(story.Due);
            if (clock.GetUtcNow() - lastSweep >= SweepEvery)
            {
                await sweeper.SweepAsync(cancellationToken);
                lastSweep = clock.GetUtcNow();
            }
            var step = story.Steps[story.Next];
            if (await TryRunAsync(step, commands, store, ratings, rectifications, clock, cancellationToken))
            {
                if (step.Tally is { } tally)
                {
                    counts[tally] = counts.GetValueOrDefault(tally) + 1;
                }
                done++;
                story.Next++;
                story.Retries = 0;
                if (story.Next < story.Steps.Count)
                {
                    var next = story.Steps[story.Next].At;
                    story.Due = next > clock.GetUtcNow() ? next : clock.GetUtcNow().AddMinutes(1);
                    queue.Enqueue(story, (story.Due, order++));
                }
            }
            else if (++story.Retries <= MaxRetries)
            {
                // Not yet possible (a timer still to fire, say): the same time on the next working day.
                var day = calendar.AddWorkingDays(calendar.LocalDate(story.Due), 1);
                story.Due = calendar.Instant(day, TimeOnly.FromDateTime(calendar.LocalDateTime(story.Due)));
                queue.Enqueue(story, (story.Due, order++));
            }
            else
            {
                refused++;
            }
            progress?.Report(done, total, calendar.LocalDate(clock.GetUtcNow()));
        }
        clock.MoveTo(until);
        await sweeper.SweepAsync(cancellationToken);
        progress?.Report(total, total, today);

        var close = new MonthlyClose(dataSource, catalog, clock);
        var closed = new List<DateOnly>();
        for (var month = first; month < new DateOnly(today.Year, today.Month, 1); month = month.AddMonths(1))
        {
            if (await close.CloseAsync(month, cancellationToken))
            {
                closed.Add(month);
            }
        }
        // What the ranking and honours jobs would have done on the 1st of each month and quarter since.
        var ranking = new MonthlyRanking(dataSource, catalog, clock);
        foreach (var month in closed)
        {
            await ranking.RankAsync(month, cancellationToken);
        }
        var honours = new QuarterlyHonoursRegister(dataSource, catalog, clock);
        foreach (var quarter in closed.Select(StatisticsQuarter.Containing).Distinct())
        {
            await honours.AwardAsync(quarter, cancellationToken);
        }
        await new StatisticsProjector(dataSource, catalog, clock).RunAsync(cancellationToken);
        return new DemoOfficeSummary(false, counts, closed, refused, Stopwatch.GetElapsedTime(started));
    }

    private static async Task<bool> TryRunAsync(DemoStep step, CaseCommands commands, CaseStore store, CaseRatings ratings,
        BadReviewRectifications rectifications, DemoClock clock, CancellationToken cancellationToken)
    {
        if (step.Rating is { } score)
        {
            return step.RatingId is { } id
                ? await ratings.TryRateAsync(id, step.CaseId, step.Actor.WindowId, step.Actor.Id, score, null, clock.GetUtcNow(), cancellationToken)
                : await ratings.TryRateAsync(step.CaseId, step.Actor.WindowId, step.Actor.Id, score, null, clock.GetUtcNow(), cancellationToken);
        }
        try
        {
            if (step.Definition is { } definition)
            {
                await commands.OpenAsync(definition, step.CaseId, new CaseCommand(step.Action, step.Actor.Actor, 0, step.Inputs),
                    cancellationToken: cancellationToken);
                if (step.LinksRating is { } rating)
                {
                    await rectifications.LinkAsync(rating, step.CaseId, cancellationToken);
                }
                return true;
            }
            var current = await store.LoadAsync(step.CaseId, cancellationToken);
            await commands.ExecuteAsync(step.CaseId, new CaseCommand(step.Action, step.Actor.Actor, current.Version, step.Inputs),
                cancellationToken: cancellationToken);
            return true;
        }
        catch (TransitionRefusedException)
        {
            return false;
        }
    }

    // As the host does on start: cases name published definition versions, and the recomputation the calendar's.
    private async Task PublishCatalogueAsync(CancellationToken cancellationToken)
    {
        await new CalendarVersions(dataSource).PublishIfChangedAsync(catalog.Calendar, catalog.CalendarJson, cancellationToken);
        var versions = new DefinitionVersions(dataSource);
        await versions.PublishAsync(catalog.FileDefinitions, cancellationToken);
        catalog.IncludePublished(await versions.AllAsync(cancellationToken));
    }
}
