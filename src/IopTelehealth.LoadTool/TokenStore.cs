using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using IopTelehealth.Client.SignIn;
using IopTelehealth.Server.Seeding;

namespace IopTelehealth.LoadTool;

/// <summary>
/// One real access token per load-test account, through the server's code + PKCE sign-in (TOTP for therapists). Tokens
/// are kept in a file (mode 0600) and reused while valid; a token that expires before the run would end is refreshed
/// with its refresh token (no password hashing on the server), and only accounts without a usable token sign in again.
/// </summary>
internal sealed class TokenStore(LoadOptions options, TextWriter output)
{
    /// <summary>A cached token and the server that issued it (outside Production the issuer is the server's URL, port included).</summary>
    private sealed record Entry(string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt, Uri Server);

    public string CachePath { get; } = options.TokenCache
        ?? Path.Combine(Path.GetTempPath(), "iop-loadtool", $"tokens-{options.Server.Host}-{options.Server.Port}.json");

    public async Task<IReadOnlyDictionary<string, string>> AcquireAsync(IReadOnlyList<string> emails, TimeSpan mustLast, CancellationToken cancellationToken)
    {
        var cached = Load();
        var result = new ConcurrentDictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
        var deadline = DateTimeOffset.UtcNow + mustLast;
        var (reused, refreshed, signedIn) = (0, 0, 0);
        var watch = Stopwatch.StartNew();
        using var tokens = new TokenClient(options.Server);
        await Parallel.ForEachAsync(emails, new ParallelOptions { MaxDegreeOfParallelism = options.SignInParallelism, CancellationToken = cancellationToken },
            async (email, _) =>
            {
                if (cached.TryGetValue(email, out var entry) && entry.Server != options.Server)
                {
                    entry = null;
                }

                if (entry is not null && entry.ExpiresAt > deadline)
                {
                    result[email] = entry;
                    Interlocked.Increment(ref reused);
                    return;
                }

                if (entry?.RefreshToken is { } refresh && await tokens.RefreshAsync(refresh) is { AccessToken: not null } renewed)
                {
                    result[email] = ToEntry(renewed, options.Server);
                    Interlocked.Increment(ref refreshed);
                    return;
                }

                var therapist = email.Contains("-therapist@", StringComparison.Ordinal);
                var response = await tokens.SignInAsync(email, DemoAccounts.Password, therapist ? DemoAccounts.TotpSecret : null);
                result[email] = ToEntry(response.AccessToken is null ? throw new InvalidOperationException($"Sign-in failed for a load account: {response.Error}") : response,
                    options.Server);
                Interlocked.Increment(ref signedIn);
            });

        foreach (var (email, entry) in result)
        {
            cached[email] = entry;
        }

        Save(cached);
        output.WriteLine($"tokens: {reused} reused, {refreshed} refreshed, {signedIn} signed in ({watch.Elapsed.TotalSeconds:0.0} s); cache {CachePath}");
        return result.ToDictionary(p => p.Key, p => p.Value.AccessToken, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Forgets every cached token (the server was reset: its keys or accounts changed).</summary>
    public void Clear() => File.Delete(CachePath);

    private static Entry ToEntry(TokenResponse response, Uri server) =>
        new(response.AccessToken!, response.RefreshToken, DateTimeOffset.UtcNow.AddSeconds((response.ExpiresIn ?? 1800) - 30), server);

    private Dictionary<string, Entry> Load()
    {
        try
        {
            return File.Exists(CachePath)
                ? JsonSerializer.Deserialize<Dictionary<string, Entry>>(File.ReadAllText(CachePath)) is { } saved
                    ? new Dictionary<string, Entry>(saved, StringComparer.OrdinalIgnoreCase)
                    : new(StringComparer.OrdinalIgnoreCase)
                : new(StringComparer.OrdinalIgnoreCase);
        }
        catch (JsonException)
        {
            return new(StringComparer.OrdinalIgnoreCase);
        }
    }

    private void Save(Dictionary<string, Entry> entries)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(CachePath)!);
        // Tokens are credentials (of published test accounts, but still): owner-only, written whole then moved in place.
        var temp = CachePath + ".tmp";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file.SafeFileHandle, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            JsonSerializer.Serialize(file, entries);
        }

        File.Move(temp, CachePath, overwrite: true);
    }
}
