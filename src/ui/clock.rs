//! The arrest clock: start it now or from the time of arrest, and the minutes
//! of CPR follow the device clock. Only this component ticks each second; the
//! form changes once a minute.

use gloo::timers::callback::Interval;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::clock::{minutes_since, mm_ss, parse_hh_mm, seconds_to_refractory, start_from_time_of_day};
use crate::form::Action;

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The device clock, ticking each second while `running`.
#[hook]
fn use_now(running: bool) -> f64 {
    let now = use_state(now_ms);
    {
        let now = now.clone();
        use_effect_with(running, move |running| {
            // Read the clock at once: the last tick may be long gone.
            now.set(now_ms());
            let interval = running.then(|| Interval::new(1000, move || now.set(now_ms())));
            move || drop(interval)
        });
    }
    *now
}

/// "14:05" for a time in ms since the epoch, in local time.
fn local_hh_mm(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

#[derive(Properties, PartialEq)]
pub struct ClockProps {
    pub start: Option<f64>,
    pub on_clock: Callback<Option<f64>>,
    pub dispatch: Callback<Action>,
    /// The minutes field as it stands.
    pub minutes: AttrValue,
}

#[function_component(ArrestClock)]
pub fn arrest_clock(p: &ClockProps) -> Html {
    let now = use_now(p.start.is_some());
    let time_error = use_state(|| None::<String>);
    let time_text = use_state(String::new);

    // Minutes follow the clock, written only when they change.
    {
        let dispatch = p.dispatch.clone();
        let minutes = p.minutes.clone();
        let deps = p.start.map(|s| minutes_since(s, now));
        use_effect_with(deps, move |m| {
            if let Some(m) = m {
                if minutes.as_str() != m.to_string() {
                    dispatch.emit(Action::CprMinutes(m.to_string()));
                }
            }
        });
    }

    let start_now = {
        let on_clock = p.on_clock.clone();
        Callback::from(move |_: MouseEvent| on_clock.emit(Some(now_ms())))
    };
    let stop = {
        let on_clock = p.on_clock.clone();
        Callback::from(move |_: MouseEvent| on_clock.emit(None))
    };
    let on_time_input = {
        let time_text = time_text.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            time_text.set(input.value());
        })
    };
    let set_time = {
        let on_clock = p.on_clock.clone();
        let time_error = time_error.clone();
        let text = (*time_text).clone();
        Callback::from(move |_: MouseEvent| match parse_hh_mm(&text) {
            Ok((h, m)) => {
                let now = now_ms();
                let offset = js_sys::Date::new_0().get_timezone_offset();
                time_error.set(None);
                on_clock.emit(Some(start_from_time_of_day(now, offset, h, m)));
            }
            Err(e) => time_error.set(Some(e)),
        })
    };

    html! {
        <div class="clock" role="group" aria-labelledby="clock-title">
            <p class="field__label" id="clock-title">{ "Arrest clock" }</p>
            {
                match p.start {
                    Some(start) => html! {
                        <>
                            <p class="clock__readout" data-clock-running="true">
                                <span class="clock__big">{ format!("{} min", minutes_since(start, now)) }</span>
                                { format!(" since {}", local_hh_mm(start)) }
                            </p>
                            <p class="clock__left">
                                {
                                    match seconds_to_refractory(start, now) {
                                        0 => html! { <>{ "30 minutes reached " }{ super::cites(&[crate::citation::Cite::ipg("3.1")]) }</> },
                                        s => html! { <><strong data-clock-left={s.to_string()}>{ mm_ss(s) }</strong>{ " to 30 minutes " }{ super::cites(&[crate::citation::Cite::ipg("3.1")]) }</> },
                                    }
                                }
                            </p>
                            <button type="button" class="button button--secondary" onclick={stop}>{ "Stop clock" }</button>
                        </>
                    },
                    None => html! {
                        <>
                            <button type="button" class="button" onclick={start_now}>{ "Start clock now" }</button>
                            <div class={classes!("clock__time", time_error.is_some().then_some("field--error"))}>
                                <label for="arrest-time">{ "or time of arrest" }</label>
                                if let Some(e) = &*time_error {
                                    <p class="error-message" id="arrest-time-error">{ e.clone() }</p>
                                }
                                <div class="clock__row">
                                    <input class="input input--time" type="time" id="arrest-time" value={(*time_text).clone()}
                                        oninput={on_time_input} aria-describedby={time_error.is_some().then_some("arrest-time-error")} />
                                    <button type="button" class="button button--secondary" onclick={set_time}>{ "Set" }</button>
                                </div>
                            </div>
                        </>
                    },
                }
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct TimeLeftProps {
    pub start: f64,
}

/// Time left to 30 minutes by the arrest clock, ticking.
#[function_component(TimeLeft)]
pub fn time_left(p: &TimeLeftProps) -> Html {
    let now = use_now(true);
    html! { <>{ mm_ss(seconds_to_refractory(p.start, now)) }{ " to 30 minutes by the arrest clock." }</> }
}
