import GRDB

/// The database's migrations, in order. Add new ones at the end; never edit
/// a migration that has shipped.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: applications, scans, review decisions") { db in
            try db.create(table: "application") { table in
                table.primaryKey("id", .text)
                table.column("application_id", .text).notNull()
                table.column("organization_name", .text).notNull()
                table.column("decision", .text).notNull()
                table.column("created_at", .datetime).notNull().indexed()
                table.column("verdict_json", .blob).notNull()
                table.column("form_json", .blob).notNull()
                table.column("scans_purged_at", .datetime)
            }
            try db.create(table: "scan") { table in
                table.column("application_id", .text).notNull().references("application", onDelete: .cascade)
                table.column("slot", .text).notNull()
                table.column("file_name", .text).notNull()
                table.column("bytes", .blob).notNull()
                table.primaryKey(["application_id", "slot"])
            }
            try db.create(table: "review_decision") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("application_id", .text).notNull().indexed().references("application", onDelete: .cascade)
                table.column("reviewer", .text).notNull()
                table.column("action", .text).notNull()
                table.column("note", .text).notNull()
                table.column("decided_at", .datetime).notNull()
            }
        }
        return migrator
    }
}
