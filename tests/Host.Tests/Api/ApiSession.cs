using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
using ServiceWindow.Persistence.Users;

namespace ServiceWindow.Host.Tests.Api;

/// The web app over the test database with the demo office loaded and an account for every demo
/// staff member (all with `Password`), handing out clients signed in as any of them.
public sealed class ApiSession : IAsyncDisposable
{
    public const string Password = "correct-horse-1";

    // Hashed once: the hash carries its own salt, so one serves every account, and hashing is slow on purpose.
    private static readonly Lazy<string> PasswordHash = new(() => new PasswordHasher<string>().HashPassword("", Password));

    public static readonly DateTimeOffset Tuesday = new(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly Dictionary<string, (string Token, DateTimeOffset ExpiresAt)> tokens = new(StringComparer.Ordinal);

    private ApiSession(HostDatabaseFixture fixture, ServiceWindowFactory factory, ManualClock clock)
    {
        Fixture = fixture;
        Factory = factory;
        Clock = clock;
    }

    public HostDatabaseFixture Fixture { get; }
    public ServiceWindowFactory Factory { get; }
    public ManualClock Clock { get; }

    public static readonly string[] Staff =
        ["wang.fang", "li.na", "zhang.wei", "liu.yang", "chen.jing", "zhao.lei", "sun.min", "zhou.qiang", "admin"];

    public static async Task<ApiSession> StartAsync(HostDatabaseFixture fixture, IReadOnlyDictionary<string, string>? settings = null)
    {
        await fixture.LoadDemoOrganisationAsync();
        var clock = new ManualClock(Tuesday);
        var factory = new ServiceWindowFactory(fixture.ConnectionString, settings, clock);
        var users = factory.Services.GetRequiredService<UserStore>();
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        foreach (var login in Staff)
        {
            var roles = (await connection.QueryAsync<string>("select role from staff_roles where staff_id = @login", new { login })).ToList();
            var name = await connection.ExecuteScalarAsync<string>("select display_name from staff where id = @login", new { login });
            await users.SaveAsync(login, name!, roles, null, null, PasswordHash.Value);
        }
        return new ApiSession(fixture, factory, clock);
    }

    public HttpClient Anonymous(string? language = null)
    {
        var client = Factory.CreateClient();
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }
        return client;
    }

    public async Task<HttpClient> SignedInAsync(string login, string? language = null)
    {
        // A token outlives the test unless the test moves the clock past it: sign in again then.
        if (!tokens.TryGetValue(login, out var known) || known.ExpiresAt <= Clock.GetUtcNow())
        {
            var response = await Anonymous().PostAsJsonAsync("/api/v1/tokens", new { login, password = Password });
            var answer = await response.ReadAsync(System.Net.HttpStatusCode.OK);
            known = (answer.GetProperty("token").GetString()!, answer.GetProperty("expiresAt").GetDateTimeOffset());
            tokens[login] = known;
        }
        var token = known.Token;
        var client = Anonymous(language);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// Counts of every table a request could write to, to show a refused request wrote nothing.
    public async Task<string> RowCountsAsync()
    {
        await using var connection = await Fixture.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string>(
            """
            select concat_ws(',', (select count(*) from cases), (select count(*) from case_history), (select count(*) from timers),
                   (select count(*) from outbox), (select count(*) from idempotency_records), (select count(*) from ratings),
                   (select count(*) from findings), (select count(*) from case_receipts), (select count(*) from users where failed_attempts > 0))
            """) ?? "";
    }

    public static object MarriageIntake(string window = "marriage-1") => new
    {
        item = "marriage-registration",
        window,
        applicant = new { name = "张三", idNumber = "110101199003071233", phone = "13812345678" },
        materialsReceived = new[] { "id_cards", "declaration" },
        inputs = new Dictionary<string, string> { ["party_a"] = "张三", ["party_b"] = "李四" },
    };

    public static object AllowanceIntake() => new
    {
        item = "minimum-living-allowance",
        window = "assistance-1",
        applicant = new { name = "王五", idNumber = "11010519491231002X", phone = "+8613987654321" },
        materialsReceived = new[] { "application_form", "id_cards" },
        inputs = new Dictionary<string, string> { ["household_size"] = "3" },
    };

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
