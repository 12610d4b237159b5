using Xunit;

namespace ServiceWindow.Testing;

/// A test class whose every test starts on an emptied database.
public abstract class CleanDatabaseTest(DatabaseFixture database) : IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
