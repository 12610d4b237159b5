namespace ServiceWindow.Host.Api.Contracts;

/// `POST /api/v1/complaints/{id}/verification`: the staff member the complaint is found true against and
/// what the verification established.
public sealed record ComplaintVerificationRequest(string? Against, string? Summary);
