namespace ServiceWindow.Persistence.Cases;

/// What the applicant takes home: the receipt number, and the hash of the lookup secret printed
/// on it (the secret itself is never stored).
public sealed record Receipt
{
    public Receipt(string number, string secretHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretHash);
        Number = number;
        SecretHash = secretHash;
    }

    public string Number { get; }
    public string SecretHash { get; }
}
