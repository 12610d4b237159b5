namespace ServiceWindow.Persistence.Outbox;

public readonly record struct DispatchResult(int Claimed, int Sent, int Retrying, int GivenUp)
{
    public static DispatchResult operator +(DispatchResult a, DispatchResult b) =>
        new(a.Claimed + b.Claimed, a.Sent + b.Sent, a.Retrying + b.Retrying, a.GivenUp + b.GivenUp);
}
