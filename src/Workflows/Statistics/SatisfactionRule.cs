namespace ServiceWindow.Workflows.Statistics;

/// <summary>Which ratings count as satisfied in the satisfaction rate (a deployment setting).</summary>
public enum SatisfactionRule
{
    /// <summary>3 to 5: 基本满意, 满意, 非常满意 (the default).</summary>
    ThreeToFive,

    /// <summary>4 to 5 only.</summary>
    FourToFive,
}
