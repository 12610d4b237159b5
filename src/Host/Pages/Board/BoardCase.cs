using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Workflows.Clock;

namespace ServiceWindow.Host.Pages.Board;

/// One open case on the board: the list item the API gives, its clock read now (null before
/// acceptance) and the colour of its card, "yellow", "red" or "statutory_red" (or "none").
public sealed record BoardCase(CaseListItem Case, ClockSnapshot? Clock, string Level);
