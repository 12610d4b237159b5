namespace ServiceWindow.Host.Pages.Cases.Notices;

/// 受理通知书: receipt number, promised date, materials received and a QR code to the public
/// lookup. The lookup secret is printed only on the notice shown straight after intake: the desk
/// hands it over once (TempData, read once), and the case keeps only its hash.
public sealed class AcceptanceModel(CaseNotices notices) : NoticePageModel(notices)
{
    public static string SecretKey(Guid caseId) => $"lookup-secret:{caseId:N}";

    public string? LookupSecret { get; private set; }

    public string LookupAddress { get; private set; } = "";

    public string QrCode { get; private set; } = "";

    protected override bool Applies(NoticeFacts notice) => notice.ReceiptNumber is not null && notice.AcceptedAt is not null;

    protected override void Prepare()
    {
        LookupSecret = TempData[SecretKey(Notice.CaseId)] as string;
        LookupAddress = $"{Request.Scheme}://{Request.Host}/lookup";
        QrCode = LookupQrCode.PngDataUri(LookupAddress);
    }
}
