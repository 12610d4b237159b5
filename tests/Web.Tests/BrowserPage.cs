using System.Text.Json;
using Microsoft.Playwright;

namespace ServiceWindow.Web.Tests;

/// A browser page that records what a person would not notice but should never happen: console
/// errors (a refused script or style shows up here), page errors and failed requests.
/// <see cref="AssertHealthyAsync"/> checks those, runs axe-core and saves a screenshot.
public sealed class BrowserPage : IAsyncDisposable
{
    public static readonly ViewportSize CounterScreen = new() { Width = 1366, Height = 768 };
    public static readonly ViewportSize WallScreen = new() { Width = 1920, Height = 1080 };

    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe.min.js")));

    private readonly string name;
    private readonly IBrowserContext context;
    private readonly List<string> problems = [];

    private BrowserPage(string name, IBrowserContext context, IPage page)
    {
        this.name = name;
        this.context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record($"console error: {message.Text}");
            }
        };
        page.PageError += (_, error) => Record($"page error: {error}");
        page.RequestFailed += (_, request) => Record($"request failed: {request.Method} {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Record($"response {response.Status}: {response.Request.Method} {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    /// Everything recorded so far.
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (problems)
            {
                return problems.ToList();
            }
        }
    }

    public static async Task<BrowserPage> CreateAsync(string name, IBrowserContext context) =>
        new(name, context, await context.NewPageAsync());

    public async Task<IResponse> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        return response ?? throw new InvalidOperationException($"no response for {path}");
    }

    /// No console errors, no failed requests, no serious or critical accessibility violation;
    /// saves the page's screenshot as artifacts/<name>.png either way.
    public async Task AssertHealthyAsync()
    {
        await ScreenshotAsync();
        var violations = await AxeViolationsAsync();
        var all = Problems.Concat(violations).ToList();
        Assert.True(all.Count == 0, $"{name}:\n" + string.Join("\n", all));
    }

    public async Task<string> ScreenshotAsync()
    {
        var path = Path.Combine(Artifacts.Folder, $"{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = false });
        return path;
    }

    /// axe-core's serious and critical violations, one line each. The script is evaluated through
    /// the browser's debugging channel, so the page's own Content-Security-Policy stays in force.
    public async Task<IReadOnlyList<string>> AxeViolationsAsync()
    {
        await Page.EvaluateAsync(AxeSource.Value);
        var result = await Page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))");
        return result.EnumerateArray().Select(v => "axe " + v.GetString()).ToList();
    }

    private void Record(string problem)
    {
        lock (problems)
        {
            problems.Add(problem);
        }
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
