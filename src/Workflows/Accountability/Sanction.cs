namespace ServiceWindow.Workflows.Accountability;

/// <summary>Sanctions for repeated verified complaints against one person within a calendar year.</summary>
public enum Sanction
{
    /// <summary>诫勉谈话.</summary>
    Admonishment,

    /// <summary>通报批评.</summary>
    CirculatedCriticism,

    /// <summary>交流换岗.</summary>
    JobRotation,
}
