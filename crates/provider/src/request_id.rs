use serde::{Deserialize, Serialize};

/// The `MS-RequestId` of one logical request: generated once, stored with the job that makes
/// the call, and sent again with every retry.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RequestId(String);

impl RequestId {
    pub fn generate() -> RequestId {
        use rand::RngCore;
        let mut bytes = [0_u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        RequestId(guid(&bytes))
    }

    pub fn from_stored(stored: String) -> RequestId {
        RequestId(stored)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// 16 bytes in the GUID layout the vendor uses for ids (`8-4-4-4-12` hex digits).
pub fn guid(bytes: &[u8; 16]) -> String {
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_are_guids_and_differ() {
        let (a, b) = (RequestId::generate(), RequestId::generate());
        assert_ne!(a, b);
        let parts: Vec<usize> = a.as_str().split('-').map(str::len).collect();
        assert_eq!(parts, [8, 4, 4, 4, 12]);
    }
}
