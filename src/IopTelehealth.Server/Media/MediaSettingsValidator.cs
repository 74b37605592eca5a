using IopTelehealth.Domain.Media;
using Microsoft.Extensions.Options;

namespace IopTelehealth.Server.Media;

/// <summary>Refuses media settings that cannot work or are unsafe, naming the key (the server stops at start).</summary>
internal sealed class MediaSettingsValidator(IHostEnvironment environment) : IValidateOptions<MediaSettings>
{
    public const int MaxMeshSizeLimit = 12;

    public ValidateOptionsResult Validate(string? name, MediaSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = MediaSettings.Section;
        List<string> failures = [];
        if (options.MeshSizeLimit is < 2 or > MaxMeshSizeLimit)
        {
            failures.Add($"{prefix}:MeshSizeLimit must be between 2 and {MaxMeshSizeLimit} (every browser sends to every other one).");
        }

        for (var i = 0; i < options.IceServers.Count; i++)
        {
            var server = options.IceServers[i];
            if (server.Urls.Count == 0 || server.Urls.Any(url => !IsIceUrl(url)))
            {
                failures.Add($"{prefix}:IceServers:{i}:Urls must list stun:, turn: or turns: URLs.");
            }
        }

        var turn = options.Turn;
        if (turn.Urls.Any(url => !url.StartsWith("turn:", StringComparison.Ordinal) && !url.StartsWith("turns:", StringComparison.Ordinal)))
        {
            failures.Add($"{prefix}:Turn:Urls must be turn: or turns: URLs.");
        }

        if (turn.Urls.Count > 0 && string.IsNullOrEmpty(turn.Secret))
        {
            failures.Add($"{prefix}:Turn:Secret is required with {prefix}:Turn:Urls (coturn's static-auth-secret).");
        }

        if (turn.Secret is { Length: > 0 } secret && secret.Length < TurnSettings.MinSecretLength)
        {
            failures.Add($"{prefix}:Turn:Secret must be at least {TurnSettings.MinSecretLength} characters: it signs every TURN login.");
        }

        if (turn.CredentialLifetime < TimeSpan.FromMinutes(5) || turn.CredentialLifetime > TimeSpan.FromHours(24))
        {
            failures.Add($"{prefix}:Turn:CredentialLifetime must be between 00:05:00 and 24:00:00.");
        }

        if (environment.IsProduction() && options.AllowLoopbackCandidates)
        {
            failures.Add($"{prefix}:AllowLoopbackCandidates must be false in Production: a loopback candidate aims at the server's own services.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsIceUrl(string url) =>
        url.StartsWith("stun:", StringComparison.Ordinal) || url.StartsWith("turn:", StringComparison.Ordinal) || url.StartsWith("turns:", StringComparison.Ordinal);
}
