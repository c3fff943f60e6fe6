//! I001: what the file reader had to repair, said where it happened.

use super::Ctx;
use crate::diagnostic::InputNote;

pub fn check(ctx: &mut Ctx, notes: Vec<InputNote>) {
    for n in notes {
        ctx.emit("I001", n.span, n.msg, None, None);
    }
}
