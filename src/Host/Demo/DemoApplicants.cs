using System.Globalization;
using Bogus;
using ServiceWindow.Host.Api.Applicants;

namespace ServiceWindow.Host.Demo;

/// Made-up applicants: Chinese names from Bogus's zh_CN locale, resident ID numbers that pass the
/// API's GB 11643 check, and mainland mobile numbers. Everything comes from the one seeded
/// randomizer, so the same seed makes the same people.
public sealed class DemoApplicants
{
    // Districts of Shanghai, where the demo office is.
    private static readonly string[] Regions = ["310101", "310104", "310105", "310106", "310107", "310110", "310112", "310115"];
    private static readonly string[] MobilePrefixes = ["135", "136", "138", "139", "150", "152", "158", "186", "187", "189"];
    private const string CheckCandidates = "0123456789X";

    private readonly Faker faker;
    private readonly Random random;

    public DemoApplicants(Random random)
    {
        this.random = random;
        faker = new Faker("zh_CN") { Random = new Randomizer(random.Next()) };
    }

    public string Name() => (faker.Name.LastName() + faker.Name.FirstName()).Replace(" ", "", StringComparison.Ordinal);

    /// A number for someone born between <paramref name="youngest"/> and 60 years before it.
    public string IdNumber(DateOnly youngest)
    {
        var birth = youngest.AddDays(-random.Next(0, 42 * 365));
        var body = Regions[random.Next(Regions.Length)] + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
                   + random.Next(0, 1000).ToString("000", CultureInfo.InvariantCulture);
        // The check character is the one the API's checker accepts: one rule, not a second copy of it.
        foreach (var candidate in CheckCandidates)
        {
            var number = body + candidate;
            if (ResidentIdNumber.IsValid(number, youngest))
            {
                return number;
            }
        }
        throw new InvalidOperationException($"no check character makes {body} valid");
    }

    public string Mobile() =>
        MobilePrefixes[random.Next(MobilePrefixes.Length)] + random.Next(0, 100_000_000).ToString("00000000", CultureInfo.InvariantCulture);
}
