using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Workflows.Clock;

namespace ServiceWindow.Host.Pages.Queue;

/// One open case in a queue: the list item the API gives and its clock read now, null before acceptance.
public sealed record QueueRow(CaseListItem Case, ClockSnapshot? Clock);
