using QRCoder;

namespace ServiceWindow.Host.Pages.Cases.Notices;

/// The QR code an acceptance notice carries to the public lookup, as a PNG data address: the page
/// needs no script to show it, and the CSP allows `data:` images.
public static class LookupQrCode
{
    public static string PngDataUri(string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(address, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
