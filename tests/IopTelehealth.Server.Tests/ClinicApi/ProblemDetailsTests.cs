using System.Net;
using System.Text;
using IopTelehealth.Server.ClinicApi.Endpoints;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Tests.ClinicApi;

/// <summary>Every refusal is an RFC 9457 problem with a stable type and title; the client's mistakes are 4xx, never 500.</summary>
public sealed class ProblemDetailsTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Theory]
    [InlineData("{\"name\": \"Broken", "malformed JSON")]
    [InlineData("{\"name\": \"Typed\", \"maxGroupSize\": \"twelve\"}", "a string where a number belongs")]
    [InlineData("", "no body")]
    [InlineData("[1, 2, 3]", "an array where an object belongs")]
    public async Task An_unreadable_body_is_a_400_problem_and_creates_nothing(string body, string because)
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var before = await server.WithDbAsync(db => db.Programs.CountAsync());
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await api.PostAsync("/api/programs", content, TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, because);
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var problem = await response.ReadProblemAsync();
        Assert.Equal((ApiProblems.BadRequestType, ApiProblems.UnreadableTitle, 400), (problem.Type, problem.Title, problem.Status));
        Assert.DoesNotContain("   at ", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", raw, StringComparison.Ordinal);
        Assert.Equal(before, await server.WithDbAsync(db => db.Programs.CountAsync()));
    }

    [Fact]
    public async Task A_validation_problem_lists_every_field_error_under_errors()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);

        using var response = await api.ApiPostAsync("/api/groups", new { name = "", capacity = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal((ApiProblems.BadRequestType, ApiProblems.ValidationTitle, 400), (problem.Type, problem.Title, problem.Status));
        Assert.Equal(["Capacity", "Name", "ProgramId"], problem.Errors!.Keys.Order());
    }

    [Fact]
    public async Task A_missing_record_is_a_404_problem()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);

        using var response = await api.ApiGetAsync($"/api/schedules/{Guid.NewGuid()}");

        var problem = await response.ReadProblemAsync();
        Assert.Equal((ApiProblems.NotFoundType, "Not Found", 404), (problem.Type, problem.Title, problem.Status));
    }

    [Fact]
    public async Task Unauthenticated_answer_says_how_to_authenticate()
    {
        using var api = server.ApiWithToken(null);

        using var response = await api.ApiGetAsync("/api/staff");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }
}
