//! The consent information sheet for families, and the clinician's record:
//! pure models built from a decided case (issue 4). Work in progress.
