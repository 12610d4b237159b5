using Microsoft.Extensions.Configuration;
using ServiceWindow.Host.Cli;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Users;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Cli;

[Collection(HostDatabase.Name)]
public sealed class UsersCommandsTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    [Fact]
    public async Task Add_CreatesAccountThatSignsIn_AndDisableStopsIt()
    {
        await fixture.LoadDemoOrganisationAsync();
        var (context, output, _) = Context();

        var added = await UsersAddCommand.RunAsync(context, "ma.li", "马丽", "clerk,handler", "marriage-2", new StringReader("s3cret-pass\n"), default);
        var listed = await UsersListCommand.RunAsync(context, default);
        var accounts = new UserAccounts(new UserStore(fixture.DataSource), TimeProvider.System);
        var before = await accounts.VerifyAsync("ma.li", "s3cret-pass");
        var disabled = await UsersDisableCommand.RunAsync(context, "ma.li", default);
        var after = await accounts.VerifyAsync("ma.li", "s3cret-pass");

        Assert.Equal([0, 0, 0], new[] { added, listed, disabled });
        Assert.Contains("ma.li\t马丽\tclerk,handler\tmarriage-2\tactive", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(SignInOutcome.Succeeded, before.Outcome);
        Assert.Equal("civil-affairs", before.User!.DepartmentId);
        Assert.Equal(SignInOutcome.Disabled, after.Outcome);
    }

    [Fact]
    public async Task Add_ExitsOne_WhenNewStaffMemberHasNoWindow()
    {
        await fixture.LoadDemoOrganisationAsync();
        var (context, _, error) = Context();

        var exit = await UsersAddCommand.RunAsync(context, "nobody.yet", "某人", "clerk", null, new StringReader("s3cret-pass\n"), default);

        Assert.Equal(1, exit);
        Assert.Contains("give a window", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_RefusesAsUsage_WhenRoleIsUnknown()
    {
        var (context, _, _) = Context();

        await Assert.ThrowsAsync<CliUsageException>(() =>
            UsersAddCommand.RunAsync(context, "ma.li", "马丽", "clerk,boss", null, new StringReader("s3cret-pass\n"), default));
    }

    private (CliContext Context, StringWriter Output, StringWriter Error) Context()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("ConnectionStrings:ServiceWindow", fixture.ConnectionString)])
            .Build();
        var (output, error) = (new StringWriter(), new StringWriter());
        return (new CliContext(configuration, output, error), output, error);
    }
}
