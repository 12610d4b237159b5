namespace ServiceWindow.Workflows.Accountability;

/// <summary>Kinds of accountability finding (问责记录).</summary>
public enum FindingKind
{
    /// <summary>不作为: a case untouched for the definition's inaction period.</summary>
    Inaction,

    /// <summary>慢作为: overdue.</summary>
    SlowAction,

    /// <summary>乱作为: a verified complaint of wrongful handling, a refusal without reason, or an extension asked after the deadline.</summary>
    Misconduct,

    /// <summary>A referral that was never acknowledged.</summary>
    LostReferral,

    /// <summary>A second supplement notice naming materials already required but not listed the first time.</summary>
    MultipleNotifications,

    /// <summary>约谈: the window's chief is called to an interview after the window ranked last two months in a row.</summary>
    Interview,
}
