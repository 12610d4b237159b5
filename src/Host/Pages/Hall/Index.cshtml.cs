using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceWindow.Host.Pages.Shared;
using ServiceWindow.Persistence.Display;

namespace ServiceWindow.Host.Pages.Hall;

/// The hall's wall screen (1920×1080): today's counts, each window's queue and the month's rates.
/// The figures refresh themselves through the Figures handler, a partial of this page.
public sealed class IndexModel(HallDisplay display, TimeProvider clock) : PageModel
{
    public HallFigures Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Figures = await display.ReadAsync(clock.GetUtcNow(), DisplayTime.Zone, cancellationToken);

    public async Task<PartialViewResult> OnGetFiguresAsync(CancellationToken cancellationToken)
    {
        Figures = await display.ReadAsync(clock.GetUtcNow(), DisplayTime.Zone, cancellationToken);
        return Partial("_HallFigures", Figures);
    }
}
