namespace ServiceWindow.Host.Api.Contracts;

/// `POST /api/v1/cases`: the service item (definition id), the window taking it, the applicant,
/// the materials handed in, and optionally the start action and the other inputs it needs.
public sealed record IntakeRequest(
    string? Item,
    string? Window,
    ApplicantRequest? Applicant,
    IReadOnlyList<string>? MaterialsReceived,
    string? Start = null,
    IReadOnlyDictionary<string, string>? Inputs = null);
