namespace ServiceWindow.Host.Api.Contracts;

/// `POST /api/v1/inquiries/{id}/referral`: the window the matter belongs to and a number its staff can call.
public sealed record ReferralRequest(string? TargetWindow, string? Contact);
