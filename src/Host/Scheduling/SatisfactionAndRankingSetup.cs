using Microsoft.Extensions.Options;
using Npgsql;
using ServiceWindow.Persistence.Accountability;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Satisfaction;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Host.Scheduling;

/// The rating invitations, bad-review rectifications, monthly ranking, quarterly honours and register
/// exports, with their settings (`ServiceWindow:Satisfaction`, `ServiceWindow:Ranking`,
/// `ServiceWindow:Honours`) checked when the host starts: a negative weight or number of places or an
/// unreadable reminder period stops the start, naming the setting.
public static class SatisfactionAndRankingSetup
{
    public const string RankingSection = "ServiceWindow:Ranking";
    public const string HonoursSection = "ServiceWindow:Honours";

    public static void AddSatisfactionAndRanking(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RankingWeights>().Bind(configuration.GetSection(RankingSection)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RankingWeights>>(new ProblemsValidation<RankingWeights>(RankingSection, w => w.Problems()));
        services.AddOptions<HonoursPlaces>().Bind(configuration.GetSection(HonoursSection)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HonoursPlaces>>(new ProblemsValidation<HonoursPlaces>(HonoursSection, p => p.Problems()));
        services.AddOptions<SatisfactionOptions>().Bind(configuration.GetSection(SatisfactionOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SatisfactionOptions>>(new ProblemsValidation<SatisfactionOptions>(SatisfactionOptions.Section, o => o.Problems()));

        services.AddSingleton(sp => new RatingInvitations(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IWorkflowCatalog>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<SatisfactionOptions>>().Value));
        services.AddSingleton(sp => new BadReviewRectifications(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<CaseCommands>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<SatisfactionOptions>>().Value));
        services.AddSingleton(sp => new MonthlyRanking(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IWorkflowCatalog>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<RankingWeights>>().Value));
        services.AddSingleton(sp => new QuarterlyHonoursRegister(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IWorkflowCatalog>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<RankingWeights>>().Value,
            sp.GetRequiredService<IOptions<HonoursPlaces>>().Value));
        services.AddSingleton(sp => new RegisterExport(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IWorkflowCatalog>().Calendar.TimeZone));
    }

    private sealed class ProblemsValidation<T>(string section, Func<T, IReadOnlyList<string>> problems) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var found = problems(options);
            return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found.Select(p => $"{section}: {p}"));
        }
    }
}
