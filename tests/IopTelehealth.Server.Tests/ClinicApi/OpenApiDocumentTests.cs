using System.Text.Json;
using IopTelehealth.Server.Tests.Infrastructure;

namespace IopTelehealth.Server.Tests.ClinicApi;

/// <summary>The served OpenAPI document describes the clinic API well enough to generate a client from it.</summary>
public sealed class OpenApiDocumentTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task The_document_lists_the_programs_endpoints_with_names_tags_and_responses()
    {
        var paths = (await DocumentAsync()).RootElement.GetProperty("paths");

        var programs = paths.GetProperty("/api/programs");
        var list = programs.GetProperty("get");
        Assert.Equal("ListPrograms", list.GetProperty("operationId").GetString());
        Assert.Equal("Programs", list.GetProperty("tags")[0].GetString());
        Assert.Equal(["200", "403"], Responses(list));
        Assert.Equal(["201", "400", "403", "409"], Responses(programs.GetProperty("post")));
        Assert.Equal("CreateProgram", programs.GetProperty("post").GetProperty("operationId").GetString());
        Assert.Equal(["204", "403", "404", "409"], Responses(paths.GetProperty("/api/programs/{id}").GetProperty("delete")));
    }

    [Fact]
    public async Task The_document_lists_every_clinic_resource_and_the_extra_actions()
    {
        var paths = (await DocumentAsync()).RootElement.GetProperty("paths");

        foreach (var resource in new[] { "programs", "groups", "schedules", "enrollments", "patients", "staff" })
        {
            Assert.True(paths.TryGetProperty($"/api/{resource}", out _), resource);
            Assert.True(paths.TryGetProperty($"/api/{resource}/{{id}}", out _), resource);
        }

        Assert.Equal("ListGroupSessions", paths.GetProperty("/api/groups/{id}/sessions").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("IssuePatientInvite", paths.GetProperty("/api/patients/{id}/invite").GetProperty("post").GetProperty("operationId").GetString());
        Assert.Equal("ResetStaffMfa", paths.GetProperty("/api/staff/{id}/mfa-reset").GetProperty("post").GetProperty("operationId").GetString());
    }

    [Fact]
    public async Task The_document_says_the_api_takes_bearer_tokens()
    {
        var root = (await DocumentAsync()).RootElement;

        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
        var security = root.GetProperty("paths").GetProperty("/api/patients").GetProperty("get").GetProperty("security");
        Assert.True(security[0].TryGetProperty("Bearer", out _));
    }

    private async Task<JsonDocument> DocumentAsync()
    {
        using var http = server.ApiWithToken(null);
        return JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));
    }

    private static List<string> Responses(JsonElement operation) =>
        [.. operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal)];
}
