using System.Collections.Concurrent;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace ServiceWindow.Persistence.Cases;

/// A new case in one statement: the case row, its history, timers and messages as data-modifying
/// parts of one insert. Intake is the hottest write; one statement instead of four saves a parse,
/// bind and executor start for each. A new case has no timers yet, so nothing is cancelled.
/// Rows are plain `values` lists rather than arrays through `unnest`, which the server would have
/// to build and take apart again (about a tenth of the statement's execution); so the text depends
/// on how many entries, timers and messages there are, and each such shape is built once.
/// Batch commands are not reused between intakes: Npgsql keeps a command's auto-prepared statement
/// on the command, so one reused on another connection (a new pool after a restart, a connection
/// pruned and opened again) names a prepared statement that connection does not have, and the intake fails.
internal sealed class OpenCaseStatement
{
    private static readonly ConcurrentDictionary<(int Entries, int Timers, int Messages), OpenCaseStatement> Shapes = new();

    private readonly (int Entries, int Timers, int Messages) shape;
    private readonly string sql;

    private OpenCaseStatement((int Entries, int Timers, int Messages) shape)
    {
        this.shape = shape;
        sql = Text(shape);
    }

    /// A command that writes <paramref name="change"/>, a new case, with its linked history.
    public static NpgsqlBatchCommand Command(CaseChange change, IReadOnlyList<LinkedHistoryRow> history)
    {
        var statement = Shapes.GetOrAdd((history.Count, change.TimersToSchedule.Count, change.Notifications.Count), shape => new OpenCaseStatement(shape));
        var command = statement.Create();
        statement.Fill(command.Parameters, change, history);
        return command;
    }

    private NpgsqlBatchCommand Create()
    {
        var command = new NpgsqlBatchCommand(sql);
        var parameters = command.Parameters;
        Add(parameters, NpgsqlDbType.Uuid, NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Text,
            NpgsqlDbType.Bigint, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.TimestampTz,
            NpgsqlDbType.TimestampTz, NpgsqlDbType.TimestampTz, NpgsqlDbType.Boolean, NpgsqlDbType.Text, NpgsqlDbType.Text,
            NpgsqlDbType.Text, NpgsqlDbType.TimestampTz, NpgsqlDbType.Text, NpgsqlDbType.TimestampTz, NpgsqlDbType.Text,
            NpgsqlDbType.Text);
        for (var i = 0; i < shape.Entries; i++)
        {
            Add(parameters, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.TimestampTz, NpgsqlDbType.Text,
                NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text);
        }
        for (var i = 0; i < shape.Timers; i++)
        {
            Add(parameters, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.TimestampTz);
        }
        for (var i = 0; i < shape.Messages; i++)
        {
            Add(parameters, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text);
        }
        return command;
    }

    private static void Add(NpgsqlParameterCollection parameters, params ReadOnlySpan<NpgsqlDbType> types)
    {
        foreach (var type in types)
        {
            parameters.Add(new NpgsqlParameter { NpgsqlDbType = type });
        }
    }

    // In the order of the statement's parameters: see Text.
    private void Fill(NpgsqlParameterCollection parameters, CaseChange change, IReadOnlyList<LinkedHistoryRow> history)
    {
        var c = change.Case;
        var next = 0;
        void Set(object? value) => parameters[next++].Value = value switch
        {
            null => DBNull.Value,
            DateTimeOffset instant => instant.ToUniversalTime(),
            _ => value,
        };
        Set(c.Id); Set(c.DefinitionId); Set(c.DefinitionVersion); Set(c.ServiceItemCode); Set(c.Stage);
        Set(c.Version); Set(c.HistoryLength); Set(c.FirstInquiryOwner); Set(c.HandlerId); Set(c.AcceptedAt);
        Set(c.PromisedDeadline); Set(c.StatutoryDeadline); Set(c.DeadlinesProvisional); Set(c.WarningLevel); Set(c.ReceiptNumber);
        Set(c.LookupSecretHash); Set(c.CompletedAt); Set(c.StateJson); Set(change.At); Set(CaseWriter.Head(change, history));
        Set(c.WindowId);
        foreach (var (entry, previousHash, hash) in history)
        {
            Set(entry.Sequence); Set(entry.Kind); Set(entry.ActorId); Set(entry.At); Set(entry.Action);
            Set(entry.FromStage); Set(entry.ToStage); Set(entry.PayloadJson); Set(previousHash); Set(hash);
        }
        foreach (var timer in change.TimersToSchedule)
        {
            Set(timer.Key); Set(timer.Name); Set(timer.DueAt);
        }
        foreach (var notification in change.Notifications)
        {
            Set(notification.Recipient); Set(notification.Template); Set(notification.DataJson);
        }
    }

    // $1–$21 are the case row ($19 its time, which the messages share); then ten parameters per
    // history entry, three per timer and three per message, in that order.
    private static string Text((int Entries, int Timers, int Messages) shape)
    {
        var next = 22;
        string Rows(int count, Func<string> row) => string.Join(",\n           ", Enumerable.Range(0, count).Select(_ => row()));
        var sql = new StringBuilder(
            """
            with opened as (
                insert into cases (
                    id, definition_id, definition_version, service_item_code, stage, version, history_length,
                    first_inquiry_owner, handler_id, accepted_at, promised_deadline, statutory_deadline,
                    deadlines_provisional, warning_level, receipt_number, lookup_secret_hash, completed_at,
                    state, created_at, updated_at, history_head, window_id)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18::json, $19, $19, $20, $21))
            """);
        if (shape.Entries > 0)
        {
            sql.Append($"""
                ,
                history as (
                    insert into case_history (case_id, sequence, kind, actor_id, at, action, from_stage, to_stage, payload, prev_hash, hash)
                    values {Rows(shape.Entries, () => $"($1, ${next++}, ${next++}, ${next++}, ${next++}, ${next++}, ${next++}, ${next++}, ${next++}::jsonb, ${next++}, ${next++})")})
                """);
        }
        if (shape.Timers > 0)
        {
            sql.Append($"""
                ,
                scheduled as (
                    insert into timers (case_id, key, name, due_at)
                    values {Rows(shape.Timers, () => $"($1, ${next++}, ${next++}, ${next++})")})
                """);
        }
        if (shape.Messages > 0)
        {
            // In the order the engine asked for them, so outbox ids follow it.
            sql.Append($"""
                ,
                messages as (
                    insert into outbox (case_id, recipient, template, data, created_at, due_at)
                    values {Rows(shape.Messages, () => $"($1, ${next++}, ${next++}, ${next++}::jsonb, $19, $19)")})
                """);
        }
        return sql.Append("\nselect 1").ToString();
    }
}
