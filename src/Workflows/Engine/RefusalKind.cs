namespace ServiceWindow.Workflows.Engine;

/// <summary>Why a command was refused.</summary>
public enum RefusalKind
{
    /// <summary>The action does not exist in the case's current stage.</summary>
    WrongStage,

    /// <summary>The actor holds none of the roles the action allows.</summary>
    WrongRole,

    /// <summary>A required input is missing or blank.</summary>
    MissingInput,

    /// <summary>An input is present but unusable (unknown material, malformed limit...).</summary>
    InvalidInput,

    /// <summary>The command was based on an older version of the case.</summary>
    StaleVersion,

    /// <summary>The case is closed.</summary>
    Closed,

    /// <summary>The action is not possible now (e.g. approving an extension nobody asked for).</summary>
    NotAllowed,
}
