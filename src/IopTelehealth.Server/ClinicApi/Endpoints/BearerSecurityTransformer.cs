using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IopTelehealth.Server.ClinicApi.Endpoints;

/// <summary>Declares in the OpenAPI document that /api takes bearer tokens, so generated clients and tools send them.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.AddComponent<IOpenApiSecurityScheme>(SchemeName, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An access token of this server (authorization code + PKCE) with the iop_api scope.",
        });
        var requirement = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] };
        foreach (var (_, path) in document.Paths.Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                (operation.Security ??= []).Add(requirement);
            }
        }

        return Task.CompletedTask;
    }
}
