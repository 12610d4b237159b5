namespace ServiceWindow.Host.Api.Contracts;

/// `POST /api/v1/inquiries`: how the person got in touch (`in_person`, `phone`, `online`), what it is
/// about, and the window it is logged at (the logger's own window when left out).
public sealed record InquiryRequest(string? Channel, string? Matter, string? Window = null);
