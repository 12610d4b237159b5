namespace ServiceWindow.Persistence.Accountability;

/// Where a finding is in its flow: open (awaiting, then holding, the person's statement), then decided.
public enum FindingStatus
{
    Open,
    Confirmed,
    Dismissed,
}
