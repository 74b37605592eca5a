using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IopTelehealth.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AuditLogAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit log is append-only even for someone who bypasses the application.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit log is append-only'; END; $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditLog_AppendOnly" BEFORE UPDATE OR DELETE OR TRUNCATE ON "AuditLog"
                FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"AuditLog_AppendOnly\" ON \"AuditLog\";");
            migrationBuilder.Sql("DROP FUNCTION audit_log_append_only();");
        }
    }
}
