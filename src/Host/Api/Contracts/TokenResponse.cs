namespace ServiceWindow.Host.Api.Contracts;

/// A bearer token for `Authorization: Bearer …` and when it stops working.
public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);
