using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Host.Pages.Board;

/// An extension request awaiting a leader. <see cref="ApproveAction"/> is the stage's approving
/// action when the reader's roles may take it, otherwise null and the card only reads.
public sealed record BoardExtension(CaseListItem Case, ExtensionRequest Request, string? ApproveAction);
