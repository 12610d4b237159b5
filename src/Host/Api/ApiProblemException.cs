namespace ServiceWindow.Host.Api;

/// A refusal an endpoint raises with its status and its text key (e.g. an already rated case).
public sealed class ApiProblemException(int status, string textKey) : Exception(textKey)
{
    public int Status { get; } = status;
    public string TextKey { get; } = textKey;
}
