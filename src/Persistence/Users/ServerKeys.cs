using System.Security.Cryptography;
using Dapper;
using Npgsql;

namespace ServiceWindow.Persistence.Users;

/// Secret keys the application derives values from, created on first use and shared by every
/// host on the database. Cached: a key never changes once created.
public sealed class ServerKeys(NpgsqlDataSource dataSource)
{
    private readonly Dictionary<string, byte[]> cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<byte[]> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (cache.TryGetValue(name, out var known))
            {
                return known;
            }
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            // Two hosts creating the key at once both read back the one that won.
            await connection.ExecuteAsync(new CommandDefinition(
                "insert into server_keys (name, key) values (@name, @key) on conflict (name) do nothing",
                new { name, key = RandomNumberGenerator.GetBytes(32) }, cancellationToken: cancellationToken));
            var key = await connection.ExecuteScalarAsync<byte[]>(new CommandDefinition(
                "select key from server_keys where name = @name", new { name }, cancellationToken: cancellationToken));
            cache[name] = key!;
            return key!;
        }
        finally
        {
            gate.Release();
        }
    }

    /// Forgets cached keys (after a test wipes the table).
    public void Forget()
    {
        gate.Wait();
        try
        {
            cache.Clear();
        }
        finally
        {
            gate.Release();
        }
    }
}
