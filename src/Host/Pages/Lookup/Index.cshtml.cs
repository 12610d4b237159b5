using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceWindow.Host.Api;
using ServiceWindow.Host.Api.Cases;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Persistence.Queries;

namespace ServiceWindow.Host.Pages.Lookup;

/// The citizen's look-up with receipt number and secret, and the rating form once the case is
/// completed. Both go through <see cref="PublicLookup"/>, the API's use case, so a wrong secret and
/// an unknown receipt give the same answer here as there. The secret travels in the form body
/// only, never in the address, so it stays out of logs and the browser history.
public sealed class IndexModel(PublicLookup lookup, CaseQueries queries) : PageModel
{
    [BindProperty]
    public string? ReceiptNumber { get; set; }

    [BindProperty]
    public string? Secret { get; set; }

    [BindProperty]
    public int? Score { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public PublicCaseResponse? Found { get; private set; }

    public bool Completed { get; private set; }

    /// The text key of the outcome to announce: not found, rated, already rated, …
    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<PageResult> OnPostFindAsync(CancellationToken cancellationToken)
    {
        await FindAsync(cancellationToken);
        return Page();
    }

    public async Task<PageResult> OnPostRateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await lookup.RateAsync(ReceiptNumber?.Trim() ?? "", new RatingRequest(Secret?.Trim(), Score, Comment), cancellationToken);
            Message = "Lookup.Rated";
        }
        catch (ApiValidationException)
        {
            Message = "Lookup.Invalid";
        }
        catch (ApiProblemException problem)
        {
            Message = problem.Status switch
            {
                StatusCodes.Status409Conflict => "Lookup.AlreadyRated",
                StatusCodes.Status422UnprocessableEntity => "Lookup.NotCompleted",
                _ => "Lookup.NotFound",
            };
        }
        if (Message != "Lookup.NotFound")
        {
            await FindAsync(cancellationToken);
        }
        return Page();
    }

    private async Task FindAsync(CancellationToken cancellationToken)
    {
        var receipt = ReceiptNumber?.Trim() ?? "";
        try
        {
            Found = await lookup.FindAsync(receipt, Secret?.Trim(), cancellationToken);
            // The secret has matched: reading the receipt again only adds whether the case is done.
            Completed = (await queries.FindReceiptAsync(receipt, cancellationToken))?.CompletedAt is not null;
        }
        catch (ApiProblemException)
        {
            Found = null;
            Message ??= "Lookup.NotFound";
        }
    }
}
