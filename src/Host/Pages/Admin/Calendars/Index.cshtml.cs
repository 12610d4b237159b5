using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceWindow.Host.Calendars;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Calendars;
using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Host.Pages.Admin.Calendars;

/// The working calendar for the administrator: the years in force with their notices, and the
/// upload of next year's published holiday file (the checks of `calendars import`).
[Authorize(Roles = StaffRoles.Admin)]
public sealed class IndexModel(DeploymentCalendar calendar, TimeProvider clock) : PageModel
{
    private const long MaxFileBytes = 1024 * 1024;

    public WorkingCalendar Calendar => calendar.Current;

    public PublishedCalendar? Latest { get; private set; }

    public int NextYear { get; private set; }

    public bool NextYearMissing { get; private set; }

    /// What the last upload changed, or why it was refused.
    public IReadOnlyList<string> Changes { get; private set; } = [];

    public string? Refusal { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, bool replace, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            Refusal = "Calendars.NoFile";
        }
        else if (file.Length > MaxFileBytes)
        {
            Refusal = "Calendars.TooLarge";
        }
        else
        {
            using var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8);
            var text = await reader.ReadToEndAsync(cancellationToken);
            try
            {
                var result = await calendar.UploadAsync(Path.GetFileName(file.FileName), text, replace, null, User.StaffId(), cancellationToken);
                Changes = result.Outcome.Changes.Select(c => c.ToString()).ToList();
            }
            catch (Exception e) when (e is CalendarFormatException or CalendarImportRefusedException)
            {
                Refusal = e.Message;
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Latest = await calendar.LatestVersionAsync(cancellationToken);
        NextYear = NextYearCalendar.NextYear(calendar.Current, clock.GetUtcNow());
        NextYearMissing = calendar.Current.Year(NextYear) is null;
    }
}
