//! The navigation every back-office page shows.

use super::Staff;

/// What the header shows to a signed-in team member.
pub struct Nav {
    pub name: String,
    pub is_admin: bool,
    pub csrf: String,
}

impl Nav {
    pub fn of(staff: &Staff) -> Option<Nav> {
        Some(Nav { name: staff.user().name.clone(), is_admin: staff.is_admin(), csrf: staff.csrf().to_owned() })
    }
}
