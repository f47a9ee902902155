//! Storing announcements, and choosing what a reseller sees now.

mod markdown;

use crate::announcements::{
    AnnouncementDraft, AnnouncementForm, AnnouncementSummary, Banner, Published,
};
use crate::i18n::Locale;
use crate::platform::{Database, DbError};
use kontor_domain::{
    german_date, german_date_time_value, iso_date, AnnouncementKind, BANNER_LEAD_SECS,
};
use sqlx::AnyConnection;

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    kind: String,
    title_de: String,
    title_en: String,
    body_de: String,
    body_en: String,
    visible_from: i64,
    visible_until: Option<i64>,
    maintenance_from: Option<i64>,
    maintenance_until: Option<i64>,
    pinned: i64,
}

const COLUMNS: &str = "id, kind, title_de, title_en, body_de, body_en, visible_from, \
     visible_until, maintenance_from, maintenance_until, pinned";

fn kind_of(stored: &str) -> Result<AnnouncementKind, DbError> {
    AnnouncementKind::parse(stored).ok_or(DbError::Corrupt("announcements.kind"))
}

/// Every announcement, newest window first, for the administration.
pub async fn all(db: &Database) -> Result<Vec<AnnouncementSummary>, DbError> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM announcements ORDER BY visible_from DESC, id DESC"
    ))
    .fetch_all(db.pool())
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(AnnouncementSummary {
                id: row.id,
                kind: kind_of(&row.kind)?,
                title: row.title_de,
                visible_from: row.visible_from,
                visible_until: row.visible_until,
                maintenance: row.maintenance_from.zip(row.maintenance_until),
                pinned: row.pinned == 1,
            })
        })
        .collect()
}

/// A stored announcement as its form shows it, for editing.
pub async fn form(db: &Database, id: i64) -> Result<Option<AnnouncementForm>, DbError> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM announcements WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(|row| {
        // The window's end is the first moment after its last day.
        let last_day = |end: i64| iso_date(german_date(end - 1));
        let at = |moment: Option<i64>| moment.map(german_date_time_value).unwrap_or_default();
        AnnouncementForm {
            visible_from: iso_date(german_date(row.visible_from)),
            visible_until: row.visible_until.map(last_day).unwrap_or_default(),
            maintenance_from: at(row.maintenance_from),
            maintenance_until: at(row.maintenance_until),
            pinned: if row.pinned == 1 {
                "on".into()
            } else {
                String::new()
            },
            kind: row.kind,
            title_de: row.title_de,
            title_en: row.title_en,
            body_de: row.body_de,
            body_en: row.body_en,
        }
    }))
}

/// Stores a new announcement (`id` `None`) or replaces one; the id, or `None` when there was
/// no such announcement to replace.
pub async fn save(
    conn: &mut AnyConnection,
    id: Option<i64>,
    draft: &AnnouncementDraft,
    now: i64,
) -> Result<Option<i64>, DbError> {
    let (m_from, m_until) = draft.maintenance.unzip();
    let sql = match id {
        None => {
            "INSERT INTO announcements (kind, title_de, title_en, body_de, body_en, \
               visible_from, visible_until, maintenance_from, maintenance_until, pinned, \
               created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id"
        }
        Some(_) => {
            "UPDATE announcements SET kind = $1, title_de = $2, title_en = $3, body_de = $4, \
               body_en = $5, visible_from = $6, visible_until = $7, maintenance_from = $8, \
               maintenance_until = $9, pinned = $10, updated_at = $11 \
             WHERE id = $12 RETURNING id"
        }
    };
    let mut query = sqlx::query_as(sql)
        .bind(draft.kind.as_str())
        .bind(&draft.title_de)
        .bind(&draft.title_en)
        .bind(&draft.body_de)
        .bind(&draft.body_en)
        .bind(draft.visible_from)
        .bind(draft.visible_until)
        .bind(m_from)
        .bind(m_until)
        .bind(i64::from(draft.pinned))
        .bind(now);
    if let Some(id) = id {
        query = query.bind(id);
    }
    let saved: Option<(i64,)> = query.fetch_optional(&mut *conn).await?;
    Ok(saved.map(|(id,)| id))
}

/// Deletes an announcement; its German title, or `None` when there was none.
pub async fn delete(conn: &mut AnyConnection, id: i64) -> Result<Option<String>, DbError> {
    let row: Option<(String,)> =
        sqlx::query_as("DELETE FROM announcements WHERE id = $1 RETURNING title_de")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.map(|(title,)| title))
}

/// What resellers see now, in their language: the announcements in their window (pinned
/// first, then the newest), and the banners of maintenance due within a day or under way.
pub async fn published(db: &Database, now: i64, locale: Locale) -> Result<Published, DbError> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM announcements \
         WHERE (visible_from <= $1 AND (visible_until IS NULL OR visible_until > $1)) \
            OR (maintenance_from <= $2 AND maintenance_until > $1) \
         ORDER BY pinned DESC, visible_from DESC, id DESC"
    ))
    .bind(now)
    .bind(now + BANNER_LEAD_SECS)
    .fetch_all(db.pool())
    .await?;
    let mut published = Published::default();
    for Row {
        id,
        kind,
        title_de,
        title_en,
        body_de,
        body_en,
        visible_from: from,
        visible_until: until,
        maintenance_from: m_from,
        maintenance_until: m_until,
        pinned,
    } in rows
    {
        let (title, body) = match locale {
            Locale::De => (title_de, body_de),
            Locale::En => (title_en, body_en),
        };
        if let Some((starts, ends)) = m_from.zip(m_until) {
            if starts - BANNER_LEAD_SECS <= now && now < ends {
                published.banners.push(Banner {
                    title: title.clone(),
                    starts,
                    ends,
                });
            }
        }
        if from <= now && until.is_none_or(|until| until > now) {
            published
                .announcements
                .push(crate::announcements::Announcement {
                    id,
                    kind: kind_of(&kind)?,
                    title,
                    body_html: markdown::to_safe_html(&body),
                    published_at: from,
                    maintenance: m_from.zip(m_until),
                    pinned: pinned == 1,
                });
        }
    }
    Ok(published)
}
