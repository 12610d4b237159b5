namespace ServiceWindow.Host.Api.Contracts;

/// `GET /api/v1/inquiries/referrals/pending`: a referral waiting for a window's acknowledgement, with
/// the moment it is due (2 working hours by default) and whether that has passed.
public sealed record PendingReferralResponse(
    Guid Id,
    long Version,
    string? Matter,
    string? Channel,
    string? FromWindow,
    string FirstInquiryOwner,
    string? TargetWindow,
    string? Contact,
    DateTimeOffset ReferredAt,
    DateTimeOffset? AcknowledgeBy,
    bool Overdue);
