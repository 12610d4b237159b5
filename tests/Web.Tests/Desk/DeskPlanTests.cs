using ServiceWindow.Host.Pages.Desk;
using ServiceWindow.Persistence.Cases;

namespace ServiceWindow.Web.Tests.Desk;

[Collection(WebCollection.Name)]
public sealed class DeskPlanTests(WebFixture web)
{
    [Theory]
    // The marriage's start already starts the clock; there is no supplement, and the refusal is the review's.
    [InlineData("marriage-registration", "clerk", "receive", null, null, "refuse")]
    // The allowance opens in a stopped "received" stage: accepting is its own action, refusing to accept is "reject".
    [InlineData("minimum-living-allowance", "clerk", "apply", "accept", "request_supplement", "reject")]
    public void For_ReadsDecisionsFromDefinition_WhenClerkTakesItem(string item, string role, string start, string? acceptance,
        string? supplement, string? refusal)
    {
        var plan = DeskPlan.For(web.Service<IWorkflowCatalog>().Latest(item), new HashSet<string> { role });

        Assert.NotNull(plan);
        Assert.Equal(start, plan.Start.Id);
        Assert.Equal(acceptance, plan.Acceptance?.Id);
        Assert.Equal(supplement, plan.Supplement?.Id);
        Assert.Equal(refusal, plan.Refusal?.Id);
    }

    [Fact]
    public void For_LeavesApplicantToIntake_WhenStartNamesApplicantInput()
    {
        var plan = DeskPlan.For(web.Service<IWorkflowCatalog>().Latest("minimum-living-allowance"), new HashSet<string> { "clerk" });

        Assert.Equal(["household_size"], plan!.StartInputs);
        Assert.Equal(["handler"], plan.AcceptanceInputs);
    }

    [Fact]
    public void For_GivesNoPlan_WhenRolesMayNotStartItem()
    {
        Assert.Null(DeskPlan.For(web.Service<IWorkflowCatalog>().Latest("marriage-registration"), new HashSet<string> { "handler" }));
    }
}
