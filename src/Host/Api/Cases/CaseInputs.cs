namespace ServiceWindow.Host.Api.Cases;

/// The inputs the API itself gives a case at intake. The engine keeps them with the case's data;
/// an action cannot overwrite them.
public static class CaseInputs
{
    public const string Window = "window";
    public const string ApplicantName = "applicant_name";
    public const string ApplicantIdNumber = "applicant_id_number";
    public const string ApplicantPhone = "applicant_phone";
    public const string MaterialsReceived = "materials_received";

    /// Definitions that name their applicant input `applicant` get the applicant's name there.
    public const string Applicant = "applicant";

    public static IReadOnlySet<string> Reserved { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Window, ApplicantName, ApplicantIdNumber, ApplicantPhone, MaterialsReceived, ServiceWindow.Workflows.Definitions.InputNames.FirstInquiryOwner,
    };

    public static IReadOnlySet<string> Personal { get; } = new HashSet<string>(StringComparer.Ordinal) { ApplicantIdNumber, ApplicantPhone };
}
