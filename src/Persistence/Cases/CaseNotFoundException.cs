namespace ServiceWindow.Persistence.Cases;

public sealed class CaseNotFoundException(Guid caseId) : Exception($"case {caseId} does not exist")
{
    public Guid CaseId { get; } = caseId;
}
