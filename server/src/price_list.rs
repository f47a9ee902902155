//! `GET /price-list.csv`: the active catalogue's price list for logged-in users, as a file
//! (a plain link: it needs no JavaScript and no server function).

use app::catalog::server::price_list;
use app::i18n::locale_of_headers;
use app::platform::{sessions::CurrentSession, Database};
use axum::extract::{Extension, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

pub async fn download(
    State(db): State<Database>,
    session: Option<Extension<CurrentSession>>,
    headers: HeaderMap,
) -> Response {
    if session.is_none() {
        return Redirect::to("/login").into_response();
    }
    let locale = locale_of_headers(&headers);
    match price_list::csv(&db, locale).await {
        Ok(csv) => {
            let file = locale.texts().dashboard.price_list_file;
            (
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{file}\""),
                    ),
                    (header::CACHE_CONTROL, "no-store".to_owned()),
                ],
                csv,
            )
                .into_response()
        }
        Err(error) => {
            tracing::error!(%error, "price list failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
