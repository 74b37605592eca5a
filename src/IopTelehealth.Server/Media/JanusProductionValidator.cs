using IopTelehealth.Media.Janus.Options;
using Microsoft.Extensions.Options;

namespace IopTelehealth.Server.Media;

/// <summary>What the Janus adapter's own validator cannot know: settings meant for tests only are refused in Production.</summary>
internal sealed class JanusProductionValidator(IHostEnvironment environment) : IValidateOptions<JanusMediaOptions>
{
    public ValidateOptionsResult Validate(string? name, JanusMediaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return environment.IsProduction() && options.AllowLoopbackCandidates
            ? ValidateOptionsResult.Fail($"{JanusMediaOptions.Section}:AllowLoopbackCandidates must be false in Production: a loopback candidate aims Janus at the server's own services.")
            : ValidateOptionsResult.Success;
    }
}
