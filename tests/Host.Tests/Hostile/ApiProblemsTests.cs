using Npgsql;
using ServiceWindow.Host.Api;

namespace ServiceWindow.Host.Tests.Hostile;

/// What a request answers when PostgreSQL itself refuses it because it is going away or coming back:
/// bench/faults/database-restart.sh saw these answered 500 while the server stopped under load.
public sealed class ApiProblemsTests
{
    [Theory]
    [InlineData("57P03", "the database system is shutting down")]
    [InlineData("57P03", "the database system is starting up")]
    [InlineData("57P01", "terminating connection due to administrator command")]
    [InlineData("57P02", "terminating connection because of crash of another server process")]
    [InlineData("53300", "sorry, too many clients already")]
    [InlineData("08006", "connection failure")]
    public void Describe_Returns503_WhenServerIsStoppingStartingOrFull(string sqlState, string message)
    {
        var problem = ApiProblems.Describe(new PostgresException(message, "FATAL", "FATAL", sqlState));

        Assert.Equal(503, problem.Status);
        Assert.Null(problem.Detail);
    }

    [Theory]
    [InlineData("23505")]
    [InlineData("42P01")]
    public void Describe_Returns500_WhenServerRefusesTheStatementItself(string sqlState)
    {
        var problem = ApiProblems.Describe(new PostgresException("refused", "ERROR", "ERROR", sqlState));

        Assert.Equal(500, problem.Status);
    }

    [Fact]
    public void Describe_Returns503_WhenConnectionIsRefused()
    {
        var refused = new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111));

        Assert.Equal(503, ApiProblems.Describe(refused).Status);
    }

    [Fact]
    public void Describe_Returns400_WhenTheStoreRefusesTheWindow()
    {
        var problem = ApiProblems.Describe(new ServiceWindow.Persistence.Cases.UnknownWindowException("w-gone"));

        Assert.Equal(400, problem.Status);
    }
}
